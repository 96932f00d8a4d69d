import { describe, expect, it, vi } from 'vitest';
import { PROGRESS_EVERY_ROWS, ProgressBoard, reportRow, type ProgressReporter } from '../../main/core/jobs/progress';
import { runsInBackground, BACKGROUND_MIN_CHARS } from '../../main/core/jobs/background-methods';
import { contract } from '../../shared/contract';

describe('ProgressBoard: where a long import has come', () => {
  it('follows an import from start to done, and keeps the last state a minute', () => {
    let now = 1_000;
    const board = new ProgressBoard(() => now);
    expect(board.get('a')).toBeNull();
    const reporter = board.reporter('a');
    expect(board.get('a')).toEqual({ phase: 'starting', done: 0, total: 0 });
    reporter.report('checking', 40_000, 100_000);
    expect(board.get('a')).toEqual({ phase: 'checking', done: 40_000, total: 100_000 });
    reporter.report('writing', 99_000, 100_000);
    reporter.end();
    expect(board.get('a')).toEqual({ phase: 'done', done: 100_000, total: 100_000 });
    // A report arriving after the end (a worker's last message) changes nothing.
    reporter.report('writing', 5, 100_000);
    expect(board.get('a')).toEqual({ phase: 'done', done: 100_000, total: 100_000 });
    now += ProgressBoard.KEEP_FINISHED_MS - 1;
    expect(board.get('a')?.phase).toBe('done');
    now += 1;
    expect(board.get('a')).toBeNull();
  });

  it('starts over when an id is used again', () => {
    const board = new ProgressBoard();
    board.reporter('a').end();
    board.reporter('a').report('reading', 0, 0);
    expect(board.get('a')).toEqual({ phase: 'reading', done: 0, total: 0 });
  });

  it('holds at most MAX_ENTRIES, letting finished imports go before running ones', () => {
    const board = new ProgressBoard(() => 0);
    board.reporter('running').report('writing', 1, 2);
    for (let i = 0; i < ProgressBoard.MAX_ENTRIES * 2; i++) board.reporter(`done${i}`).end();
    expect(board.get('running')).toEqual({ phase: 'writing', done: 1, total: 2 });
    expect(board.get(`done${ProgressBoard.MAX_ENTRIES * 2 - 1}`)?.phase).toBe('done');
    expect(board.get('done0')).toBeNull();
  });

  it('reportRow reports every PROGRESS_EVERY_ROWS rows, and nothing without a reporter', () => {
    const report = vi.fn<ProgressReporter['report']>();
    for (let i = 0; i < 5_000; i++) reportRow({ progress: { report } }, 'checking', i, 5_000);
    expect(report.mock.calls).toEqual([0, PROGRESS_EVERY_ROWS, 2 * PROGRESS_EVERY_ROWS].map((i) => ['checking', i, 5_000]));
    expect(() => reportRow({}, 'checking', 0, 1)).not.toThrow();
  });
});

describe('which calls run in the import worker', () => {
  const big = 'x'.repeat(BACKGROUND_MIN_CHARS);
  it('the file imports with a large file, nothing else', () => {
    expect(runsInBackground('cases.import', { contentBase64: big })).toBe(true);
    expect(runsInBackground('answers.import', { contentBase64: big })).toBe(true);
    expect(runsInBackground('templates.import', { text: big })).toBe(true);
    expect(runsInBackground('cases.import', { contentBase64: big.slice(1) })).toBe(false);
    expect(runsInBackground('report.save', { contentBase64: big })).toBe(false);
    expect(runsInBackground('cases.import', undefined)).toBe(false);
    expect(runsInBackground('cases.import', JSON.parse('{"__proto__": {"contentBase64": 1}}'))).toBe(false);
  });

  it('imports.progress takes only a letters-only id, which can never spell a number', () => {
    const input = contract['imports.progress'].input;
    expect(input.safeParse({ id: 'abcdefghijklmnop' }).success).toBe(true);
    expect(input.safeParse({ id: '2017010123930000' }).success).toBe(false);
    expect(input.safeParse({ id: 'short' }).success).toBe(false);
  });
});
