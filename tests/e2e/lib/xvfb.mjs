// A private X display for real key presses (browsers in a window, xdotool to type), unless one is already set.
import { execFileSync, spawn } from 'node:child_process';

export async function startDisplay() {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY, stop() {} };
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const number = await new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.trim());
    });
    xvfb.on('error', reject);
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
    setTimeout(() => reject(new Error('Xvfb did not start in 10 s')), 10_000);
  });
  return { display: `:${number}`, stop: () => xvfb.kill('SIGTERM') };
}

export function xdotool(display, ...args) {
  return execFileSync('xdotool', args, { encoding: 'utf8', env: { ...process.env, DISPLAY: display } }).trim();
}
