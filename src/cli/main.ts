// The `motescheck` command line. Its contract is relied on by other tools: keep commands, exit codes
// and output shapes exactly as documented in README.md.
//   validate       exit 0 valid; 1 with one line per error (JSON path: message) on stderr
//   evaluate       verdict JSON on stdout; 1 invalid policy; 2 unknown id or malformed request
//   explain        the verdict as plain text (--lang sv|en)
//   example-policy the example policy (--today YYYY-MM-DD)
//   audit verify   the audit chain of a database: "ok" or the first broken link
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  EvaluationError, evaluate, examplePolicy, explainVerdict, isIsoDate, stockholmDate, validatePolicy,
  type EvaluationRequest, type Policy, type ValidationIssue,
} from '../policy';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Today's date in Europe/Stockholm; a parameter so that tests need no clock. */
  today: () => string;
}

const USAGE = `Usage: motescheck <command> [options]

  validate --policy FILE                         check a policy document
  evaluate --policy FILE|example --request FILE [--today YYYY-MM-DD]
                                                 print the verdict as JSON
  explain  --policy FILE|example --request FILE [--lang sv|en] [--today YYYY-MM-DD]
                                                 print the verdict as plain text
  example-policy [--today YYYY-MM-DD]            print the example policy
  audit verify (--database-url URL | --data-dir DIR)
                                                 verify the audit log's hash chain
`;

class UsageError extends Error {}

/** Runs one command and returns its exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate': return validateCommand(rest, io);
      case 'evaluate': return evaluateCommand(rest, io, 'json');
      case 'explain': return evaluateCommand(rest, io, 'text');
      case 'example-policy': return examplePolicyCommand(rest, io);
      case 'audit': {
        if (rest[0] !== 'verify') throw new UsageError('audit takes the subcommand "verify"');
        const { runAuditVerify } = await import('./audit');
        return await runAuditVerify(rest.slice(1), io);
      }
      case undefined: case 'help': case '--help': case '-h':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.stderr(`motescheck: ${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

function options(args: string[], spec: Record<string, { type: 'string' }>) {
  return parseArgs({ args, options: spec, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
}

function readJson(file: string, what: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    return { ok: false, message: `cannot read ${what} file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    return { ok: false, message: `${what} file ${file} is not valid JSON: ${(e as Error).message}` };
  }
}

const formatIssue = (i: ValidationIssue) => `${i.path}: ${i.message}\n`;

function todayOption(value: string | undefined, io: Io): string {
  if (value === undefined) return io.today();
  if (!isIsoDate(value)) throw new UsageError(`--today must be a calendar date YYYY-MM-DD, got "${value}"`);
  return value;
}

function validateCommand(args: string[], io: Io): number {
  const o = options(args, { policy: { type: 'string' }, today: { type: 'string' } });
  if (!o.policy) throw new UsageError('validate needs --policy FILE');
  const read = readJson(o.policy, 'policy');
  if (!read.ok) {
    io.stderr(`$: ${read.message}\n`);
    return 1;
  }
  const result = validatePolicy(read.value, { today: todayOption(o.today, io) });
  if (!result.valid) {
    result.errors.forEach((e) => io.stderr(formatIssue(e)));
    return 1;
  }
  result.warnings.forEach((w) => io.stderr(`warning: ${formatIssue(w)}`));
  return 0;
}

/** Loads --policy (a file or `example`); prints its errors as `validate` does when it is invalid. */
function loadPolicy(source: string, today: string, io: Io): Policy | null {
  if (source === 'example') return examplePolicy(today);
  const read = readJson(source, 'policy');
  if (!read.ok) {
    io.stderr(`$: ${read.message}\n`);
    return null;
  }
  const result = validatePolicy(read.value);
  if (!result.valid) {
    result.errors.forEach((e) => io.stderr(formatIssue(e)));
    return null;
  }
  return result.policy!;
}

const REQUEST_FIELDS = new Set(['meetingTypeId', 'serviceId', 'needs', 'date']);

function evaluateCommand(args: string[], io: Io, format: 'json' | 'text'): number {
  const spec: Record<string, { type: 'string' }> = { policy: { type: 'string' }, request: { type: 'string' }, today: { type: 'string' } };
  if (format === 'text') spec['lang'] = { type: 'string' };
  const o = options(args, spec);
  if (!o.policy) throw new UsageError(`${format === 'json' ? 'evaluate' : 'explain'} needs --policy FILE|example`);
  if (!o.request) throw new UsageError(`${format === 'json' ? 'evaluate' : 'explain'} needs --request FILE`);
  const lang = o.lang ?? 'sv';
  if (lang !== 'sv' && lang !== 'en') throw new UsageError(`--lang must be sv or en, got "${lang}"`);

  const policy = loadPolicy(o.policy, todayOption(o.today, io), io);
  if (!policy) return 1;
  const read = readJson(o.request, 'request');
  if (!read.ok) {
    io.stderr(`request: ${read.message}\n`);
    return 2;
  }
  const request = read.value;
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    io.stderr('request: must be a JSON object with meetingTypeId, serviceId, needs and date\n');
    return 2;
  }
  const extra = Object.keys(request).filter((k) => !REQUEST_FIELDS.has(k));
  if (extra.length) {
    io.stderr(`request.${extra[0]}: unknown field; a request has meetingTypeId, serviceId, needs and date\n`);
    return 2;
  }
  for (const field of REQUEST_FIELDS) {
    if (!(field in request)) {
      io.stderr(`request.${field}: is required\n`);
      return 2;
    }
  }
  try {
    const verdict = evaluate(policy, request as EvaluationRequest);
    io.stdout(format === 'json' ? `${JSON.stringify(verdict, null, 2)}\n` : explainVerdict(policy, request as EvaluationRequest, verdict, lang));
    return 0;
  } catch (e) {
    if (e instanceof EvaluationError) {
      io.stderr(`request.${e.field}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function examplePolicyCommand(args: string[], io: Io): number {
  const o = options(args, { today: { type: 'string' } });
  io.stdout(`${JSON.stringify(examplePolicy(todayOption(o.today, io)), null, 2)}\n`);
  return 0;
}

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  today: () => stockholmDate(Date.now()),
};

if (require.main === module) {
  run(process.argv.slice(2), processIo).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      // An internal failure: say so plainly, without a stack trace (set MOTESCHECK_DEBUG=1 for one).
      process.stderr.write(`motescheck: internal error: ${(e as Error).message}\n`);
      if (process.env['MOTESCHECK_DEBUG']) process.stderr.write(`${(e as Error).stack}\n`);
      process.exitCode = 70;
    },
  );
}
