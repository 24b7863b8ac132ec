'use strict';
// What the state rows need besides a port: a fresh --data-dir per start, and one redis-server for the
// run (flushed before every start, so each row begins from seeded state like a memory-mode row).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const { takePort } = require('./process');

/** The redis-server binary, or null when the Debian package is not installed. */
function redisServerPath() {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

let redis = null;

/** Starts the run's redis-server on first use (in memory: no RDB, no AOF); resolves to its URL. */
async function redisUrl() {
  if (redis) return redis.url;
  const bin = redisServerPath();
  if (!bin) throw new Error('redis-server is not installed (Debian package redis-server)');
  const port = await takePort();
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  redis = { child, port, url: `redis://127.0.0.1:${port}` };
  for (let i = 0; i < 100; i++) {
    if (await ping(port)) return redis.url;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not answer on port ${port}`);
}

function ping(port) {
  return redisCommand(port, 'PING').then(
    (reply) => reply.startsWith('+PONG'),
    () => false,
  );
}

/** One inline command over a plain socket: the bench needs only PING and FLUSHALL, not a client library. */
function redisCommand(port, command) {
  const net = require('node:net');
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(2000, () => socket.destroy(new Error('redis timeout')));
    socket.on('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk) => {
      reply += chunk;
      if (reply.includes('\r\n')) (socket.end(), resolve(reply));
    });
    socket.on('error', reject);
  });
}

/** Empties the run's Redis before a row starts. */
async function flushRedis() {
  if (!redis) return;
  const reply = await redisCommand(redis.port, 'FLUSHALL');
  if (!reply.startsWith('+OK')) throw new Error(`FLUSHALL answered ${reply.trim()}`);
}

function stopRedis() {
  if (redis) redis.child.kill('SIGKILL');
  redis = null;
}

/** A fresh data dir for one start; removed by `removeDataDir`. */
function newDataDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'standin-bench-data-'));
}

function removeDataDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = { redisServerPath, redisUrl, flushRedis, stopRedis, newDataDir, removeDataDir };
