/** Preload for systems without GNU time: reports peak RSS (kB) and CPU seconds as GNU time's `%M %U %S`. */
import { writeFileSync } from 'node:fs';
import process from 'node:process';

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  const usage = process.resourceUsage();
  if (file) writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}`);
});
