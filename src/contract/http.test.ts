import express from 'express';
import { listenerTransport } from './http';

// The in-process transport sends a request's bytes as they are, whatever its content type says.

const echo = express().post('/echo', (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => res.json({ hex: Buffer.concat(chunks).toString('hex'), length: req.headers['content-length'] }));
});

describe('listenerTransport', () => {
  it('sends a Buffer body byte for byte under a JSON content type (not JSON-serialized)', async () => {
    const res = await listenerTransport(echo, '').send({
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from([0xff, 0xfe, 0x00, 0xc3]),
    });
    expect(JSON.parse(res.body.toString())).toEqual({ hex: 'fffe00c3', length: '4' });
  });

  it('sends a string body as its UTF-8 bytes', async () => {
    const res = await listenerTransport(echo, '').send({ method: 'POST', path: '/echo', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(JSON.parse(res.body.toString())).toEqual({ hex: Buffer.from('{"a":').toString('hex'), length: '5' });
  });
});
