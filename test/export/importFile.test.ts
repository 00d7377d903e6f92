import { describe, expect, it } from 'vitest';
import { checkFileSize, readLabFile } from '../../src/export/importFile';
import { MAX_NETWORK_FILE_MB, networkToJson } from '../../src/export/network2';
import { serialiseWorkspace } from '../../src/export/workspace';
import { DEFAULT_CONFIG } from '../../src/config';
import { say } from '../../src/i18n/text';

const tiny = networkToJson({
  sizes: [784, 1, 10],
  weights: [new Float32Array(784), new Float32Array(10)],
  biases: [new Float32Array(1), new Float32Array(10)],
  cost: 'QuadraticCost',
});

describe('reading a dropped file', () => {
  it('recognises a network2.py network', () => {
    const r = readLabFile('net.json', tiny);
    expect(r.ok && r.file.kind).toBe('network');
  });

  it('recognises a workspace', () => {
    const r = readLabFile('ws.json', serialiseWorkspace([], { config: DEFAULT_CONFIG, exportedAt: '2026-01-01T00:00:00Z' }));
    expect(r.ok && r.file.kind).toBe('workspace');
  });

  it('refuses a file that is not JSON, naming it', () => {
    const r = readLabFile('notes.txt', 'hello');
    expect(r.ok ? '' : say('en', r.reason)).toBe('"notes.txt" was not loaded: it is not a JSON file (it could not be parsed).');
    // The refusal is a catalogue entry: the notice follows the page's language.
    expect(r.ok ? '' : say('zh-CN', r.reason)).toBe('未加载“notes.txt”：它不是 JSON 文件（无法解析）。');
  });

  it('refuses a truncated network file', () => {
    const r = readLabFile('net.json', tiny.slice(0, tiny.length / 2));
    expect(r.ok ? '' : say('en', r.reason)).toMatch(/not a JSON file/);
  });

  it('refuses JSON that is neither kind', () => {
    const r = readLabFile('x.json', '{"hello": 1}');
    expect(r.ok ? '' : say('en', r.reason)).toMatch(/neither a network2.py network .* nor a Gradient Lab workspace/);
  });

  it("passes a network file's own error through with the file's name", () => {
    const r = readLabFile('net.json', tiny.replace('[784, 1, 10]', '[784, 1, 12]'));
    expect(r.ok ? '' : say('en', r.reason)).toBe('"net.json" was not loaded: the output layer has 12 neurons; MNIST has 10 digits.');
  });

  it('refuses a file that is too big before reading it', () => {
    expect(checkFileSize('big.json', 10)).toBeNull();
    const r = checkFileSize('big.json', (MAX_NETWORK_FILE_MB + 1) * 1024 * 1024);
    expect(r?.ok === false ? say('en', r.reason) : '').toBe(
      `"big.json" was not loaded: it is ${(MAX_NETWORK_FILE_MB + 1).toFixed(1)} MB; the largest file the lab reads is ${MAX_NETWORK_FILE_MB} MB.`,
    );
  });
});
