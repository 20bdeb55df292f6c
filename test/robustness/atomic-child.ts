/** Child process for atomic-write.test.ts: writes a large file, atomically or not, until killed. */
import { writeFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../scripts/util/fs.ts';

const [mode, target, mb] = process.argv.slice(2);
const line = 'new content line, must never be seen half-written\n';
const content = Buffer.alloc(Number(mb) * 1024 * 1024, line);
process.stdout.write('ready\n');
if (mode === 'atomic') await writeFileAtomic(target, content);
else await writeFile(target, content);
process.stdout.write('done\n');
