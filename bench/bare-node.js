'use strict';
// The ceiling: node:http answering a fixed JSON body, nothing else.
// GET -> 200, any other method -> 201 after reading (not parsing) the request body.
// Usage: node bench/bare-node.js PORT [HOST]
const http = require('node:http');

const port = Number(process.argv[2] || 30800);
const host = process.argv[3] || '127.0.0.1';
const body = Buffer.from(
  JSON.stringify({
    createdAt: '2024-05-01T12:00:00.000Z',
    ecosystemId: 'C599343aecca8fba8297a3195',
    id: 'E3a1f0c9b7d5e2468ace13579',
    alias: 'garage',
    meta: { $label: 'Garage' },
  }),
);
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length };

const server = http.createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200, headers);
    res.end(body);
    return;
  }
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(201, headers);
    res.end(body);
  });
});
server.listen(port, host);
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => server.close(() => process.exit(0)).closeAllConnections());
