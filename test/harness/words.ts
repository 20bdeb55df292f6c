/**
 * Word pools for generated manuals: resource nouns (with Chinese renderings), attribute words that
 * imply a type, verbs, product-name parts and example values. Nothing here names a real product.
 */
export interface Noun {
  en: string;
  plural: string;
  zh: string;
}

const n = (en: string, zh: string, plural = `${en}s`): Noun => ({ en, zh, plural });

export const NOUNS: Noun[] = [
  n('instance', '实例'), n('cluster', '集群'), n('gateway', '网关'), n('namespace', '命名空间'),
  n('bucket', '桶'), n('queue', '队列'), n('topic', '主题'), n('snapshot', '快照'),
  n('certificate', '证书'), n('policy', '策略', 'policies'), n('route', '路由'), n('listener', '监听器'),
  n('backend', '后端'), n('endpoint', '终端节点'), n('domain', '域名'), n('rule', '规则'),
  n('tag', '标签'), n('quota', '配额'), n('job', '作业'), n('task', '任务'), n('pipeline', '流水线'),
  n('volume', '存储卷'), n('node', '节点'), n('pool', '资源池'), n('alarm', '告警'),
  n('template', '模板'), n('workspace', '工作空间'), n('project', '项目'), n('key', '密钥'),
  n('secret', '凭据'), n('user', '用户'), n('role', '角色'), n('group', '分组'), n('zone', '可用区'),
  n('subnet', '子网'), n('image', '镜像'), n('plugin', '插件'), n('record', '记录'),
  n('dashboard', '仪表盘'), n('trigger', '触发器'), n('function', '函数'), n('registry', '仓库', 'registries'),
  n('repository', '代码库', 'repositories'), n('connection', '连接'), n('account', '账号'),
  n('backup', '备份'), n('database', '数据库'), n('table', '数据表'), n('stream', '数据流'),
  n('channel', '通道'), n('device', '设备'), n('session', '会话'), n('workflow', '工作流'),
  n('sidecar', '边车'), n('proxy', '代理', 'proxies'), n('vault', '保管库'), n('index', '索引', 'indexes'),
];

/** Attribute words by the type they imply. */
export const ATTRIBUTES = {
  id: ['Id', 'Uid', 'InstanceId', 'ResourceId', 'OwnerId'],
  name: ['Name', 'DisplayName', 'Alias', 'Title'],
  text: ['Description', 'Remark', 'Message', 'Reason', 'Comment', 'Address', 'Host', 'Domain', 'Url', 'Path', 'Protocol', 'Mode', 'Type', 'Category', 'Region', 'Zone', 'Version', 'Arn', 'Checksum', 'Endpoint'],
  time: ['CreateTime', 'UpdateTime', 'ExpireTime', 'StartTime', 'EndTime', 'GmtCreate', 'GmtModified'],
  status: ['Status', 'State', 'Phase', 'Level', 'Strategy'],
  count: ['Count', 'TotalCount', 'Size', 'Port', 'Weight', 'Timeout', 'Limit', 'Priority', 'MaxConnections', 'Replicas', 'RetryTimes', 'Interval', 'Capacity', 'Threshold', 'Offset'],
  big: ['Bytes', 'Traffic', 'Duration', 'Timestamp', 'Serial', 'Quota'],
  ratio: ['Ratio', 'Percentage', 'Rate', 'Score', 'Cpu', 'Usage'],
  flag: ['Enabled', 'Enable', 'Public', 'Default', 'ReadOnly', 'Force', 'DryRun', 'AutoRenew', 'Healthy', 'Deleted', 'Visible'],
  struct: ['Config', 'Spec', 'Metadata', 'Settings', 'Info', 'Detail', 'Options', 'Policy', 'Profile', 'Status', 'Summary', 'Result', 'Data'],
  list: ['Ids', 'Names', 'Addresses', 'Ports', 'Zones', 'Domains', 'Hosts', 'Labels', 'Keys'],
  collection: ['Items', 'List', 'Records', 'Entries', 'Members', 'Details', 'Results', 'Data'],
  map: ['Labels', 'Annotations', 'Tags', 'Attributes', 'Properties', 'Selector', 'Extra'],
} as const;

export const RPC_VERBS = ['Create', 'Delete', 'Describe', 'Modify', 'Update', 'List', 'Get', 'Add', 'Remove', 'Enable', 'Disable', 'Start', 'Stop', 'Restart', 'Run', 'Grant', 'Revoke', 'Attach', 'Detach', 'Query', 'Check', 'Upgrade', 'Tag', 'Untag', 'Reset', 'Set', 'Batch', 'Validate', 'Export', 'Import'];

export const ADJECTIVES = ['Elastic', 'Managed', 'Serverless', 'Distributed', 'Intelligent', 'Hybrid', 'Global', 'Dedicated', 'Cloud', 'Enterprise', 'Secure', 'Unified', 'Realtime', 'Scalable'];
export const PRODUCT_NOUNS = ['Queue', 'Graph', 'Cache', 'Stream', 'Search', 'Ledger', 'Identity', 'Firewall', 'Pipeline', 'Workflow', 'Storage', 'Compute', 'Messaging', 'Analytics', 'Registry', 'Gateway', 'Scheduler', 'Vault', 'Media', 'Edge'];
export const PRODUCT_KINDS = ['Service', 'Platform', 'Engine', 'Center', 'Database', 'Manager', 'Hub'];

export const EN_ADJ = ['enabled', 'available', 'running', 'healthy', 'visible', 'public', 'locked', 'shared', 'active', 'encrypted'];
export const EN_VERBS = ['enable', 'export', 'retain', 'expose', 'replicate', 'encrypt', 'monitor', 'throttle', 'isolate', 'restart', 'synchronise', 'archive'];
export const ZH_VERBS = ['启用', '导出', '保留', '暴露', '复制', '加密', '监控', '限流', '隔离', '重启'];
export const ZH_ADJ = ['已启用', '可用', '运行中', '健康', '可见', '公开', '已锁定', '共享'];

export const REGIONS = ['cn-hangzhou', 'cn-beijing', 'cn-shanghai', 'cn-shenzhen', 'ap-southeast-1', 'us-west-1', 'eu-central-1', 'cn-north-4', 'ap-southeast-3'];

export const STATUS_VALUES = ['running', 'stopped', 'pending', 'failed', 'deleting', 'creating', 'updating', 'ACTIVE', 'INACTIVE', 'ALLOW_ANY', 'REGISTRY_ONLY', 'info', 'debug', 'warn', 'error', 'Standard', 'Premium', 'Basic', 'PrePaid', 'PostPaid'];

export const ERROR_WORDS = ['InvalidParameter', 'MissingParameter', 'Forbidden', 'NotFound', 'QuotaExceeded', 'OperationConflict', 'IncorrectStatus', 'Throttling', 'InternalError', 'Unauthorized', 'DependencyViolation'];
