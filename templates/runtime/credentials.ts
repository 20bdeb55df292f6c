/**
 * Credentials from client options or the usual environment variables. Secrets live in private
 * fields: JSON.stringify, util.inspect, console.log and error messages only ever show "***".
 */
const REDACTED = '***';
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

type Env = Record<string, string | undefined>;

export class AlibabaCredentials {
  readonly #secret: string;
  readonly #token: string | undefined;
  constructor(
    readonly accessKeyId: string,
    accessKeySecret: string,
    securityToken?: string,
  ) {
    this.#secret = accessKeySecret;
    this.#token = securityToken || undefined;
  }
  get accessKeySecret(): string {
    return this.#secret;
  }
  get securityToken(): string | undefined {
    return this.#token;
  }
  secrets(): string[] {
    return [this.#secret, ...(this.#token ? [this.#token] : [])];
  }
  toJSON(): Record<string, string> {
    return { accessKeyId: this.accessKeyId, accessKeySecret: REDACTED };
  }
  toString(): string {
    return `AlibabaCredentials(${this.accessKeyId})`;
  }
  [inspectSymbol](): string {
    return this.toString();
  }
}

export interface AlibabaCredentialOptions {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** Options first, then ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET / ALIBABA_CLOUD_SECURITY_TOKEN. */
export function resolveAlibabaCredentials(
  given: AlibabaCredentialOptions | AlibabaCredentials | undefined,
  env: Env = process.env,
): AlibabaCredentials {
  if (given instanceof AlibabaCredentials) return given;
  if (given) return new AlibabaCredentials(given.accessKeyId, given.accessKeySecret, given.securityToken);
  const id = env.ALIBABA_CLOUD_ACCESS_KEY_ID;
  const secret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  if (!id || !secret) {
    throw new Error('no Alibaba Cloud credentials: pass { credentials } or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET');
  }
  return new AlibabaCredentials(id, secret, env.ALIBABA_CLOUD_SECURITY_TOKEN);
}

export class HuaweiAkSkCredentials {
  readonly kind = 'aksk' as const;
  readonly #sk: string;
  readonly #token: string | undefined;
  constructor(
    readonly accessKeyId: string,
    secretAccessKey: string,
    readonly projectId?: string,
    securityToken?: string,
  ) {
    this.#sk = secretAccessKey;
    this.#token = securityToken || undefined;
  }
  get secretAccessKey(): string {
    return this.#sk;
  }
  get securityToken(): string | undefined {
    return this.#token;
  }
  secrets(): string[] {
    return [this.#sk, ...(this.#token ? [this.#token] : [])];
  }
  toJSON(): Record<string, string | undefined> {
    return { accessKeyId: this.accessKeyId, secretAccessKey: REDACTED, projectId: this.projectId };
  }
  toString(): string {
    return `HuaweiAkSkCredentials(${this.accessKeyId})`;
  }
  [inspectSymbol](): string {
    return this.toString();
  }
}

export class HuaweiTokenCredentials {
  readonly kind = 'token' as const;
  readonly #token: string;
  constructor(
    token: string,
    readonly projectId?: string,
  ) {
    this.#token = token;
  }
  get token(): string {
    return this.#token;
  }
  secrets(): string[] {
    return [this.#token];
  }
  toJSON(): Record<string, string | undefined> {
    return { token: REDACTED, projectId: this.projectId };
  }
  toString(): string {
    return 'HuaweiTokenCredentials(***)';
  }
  [inspectSymbol](): string {
    return this.toString();
  }
}

export type HuaweiCredentials = HuaweiAkSkCredentials | HuaweiTokenCredentials;

export type HuaweiCredentialOptions =
  | { ak: string; sk: string; projectId?: string; securityToken?: string }
  | { token: string; projectId?: string };

/**
 * Options first, then HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK / HUAWEICLOUD_SDK_PROJECT_ID /
 * HUAWEICLOUD_SDK_SECURITY_TOKEN, then an IAM token in HUAWEICLOUD_SDK_AUTH_TOKEN.
 */
export function resolveHuaweiCredentials(
  given: HuaweiCredentialOptions | HuaweiCredentials | undefined,
  env: Env = process.env,
): HuaweiCredentials {
  if (given instanceof HuaweiAkSkCredentials || given instanceof HuaweiTokenCredentials) return given;
  if (given && 'token' in given) return new HuaweiTokenCredentials(given.token, given.projectId);
  if (given) return new HuaweiAkSkCredentials(given.ak, given.sk, given.projectId, given.securityToken);
  const projectId = env.HUAWEICLOUD_SDK_PROJECT_ID || undefined;
  if (env.HUAWEICLOUD_SDK_AK && env.HUAWEICLOUD_SDK_SK) {
    return new HuaweiAkSkCredentials(env.HUAWEICLOUD_SDK_AK, env.HUAWEICLOUD_SDK_SK, projectId, env.HUAWEICLOUD_SDK_SECURITY_TOKEN);
  }
  if (env.HUAWEICLOUD_SDK_AUTH_TOKEN) return new HuaweiTokenCredentials(env.HUAWEICLOUD_SDK_AUTH_TOKEN, projectId);
  throw new Error('no Huawei Cloud credentials: pass { credentials } or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or HUAWEICLOUD_SDK_AUTH_TOKEN)');
}
