/**
 * A deterministic, mixed-language corpus that looks like an EHR integration codebase: mostly
 * ordinary service, model and utility code, with a minority of files that touch EHI access paths
 * (FHIR routes, release of information, exports), some of them with the practices the rules flag.
 * The same seed and size always produce the same files.
 */
import * as fs from 'fs';
import * as path from 'path';

/** mulberry32: small, fast, good enough for picking templates. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['invoice', 'appointment', 'schedule', 'provider', 'clinic', 'claim', 'coverage', 'order', 'referral', 'location', 'practitioner', 'encounter', 'device', 'supply', 'formulary', 'payer', 'visit', 'room', 'shift', 'message'];
const VERBS = ['load', 'save', 'update', 'compute', 'validate', 'normalize', 'merge', 'render', 'index', 'sync', 'format', 'parse', 'resolve', 'collect'];
const FIELDS = ['id', 'name', 'status', 'createdAt', 'updatedAt', 'code', 'display', 'amount', 'owner', 'version', 'notes', 'tags'];

type Pick = <T>(items: readonly T[]) => T;

interface Generator {
  ext: string;
  dir: string;
  /** Ordinary code with nothing to find. */
  plain(name: string, pick: Pick, n: number): string;
  /** Code on an EHI access path; `flagged` adds a practice the rules report. */
  ehi(name: string, pick: Pick, n: number, flagged: boolean): string;
}

const cap = (s: string): string => s[0].toUpperCase() + s.slice(1);
const camel = (a: string, b: string): string => a + cap(b);

function tsPlainFunction(pick: Pick, i: number): string {
  const noun = pick(NOUNS);
  const verb = pick(VERBS);
  const field = pick(FIELDS);
  return `
export async function ${camel(verb, noun)}${i}(input: ${cap(noun)}Input, options: ${cap(verb)}Options = {}): Promise<${cap(noun)}> {
  const items = await repository.find${cap(noun)}s({ ${field}: input.${field}, page: options.page ?? 1 });
  const result: ${cap(noun)}[] = [];
  for (const item of items) {
    if (item.status === 'archived' || item.${field} === undefined) {
      continue;
    }
    const normalized = { ...item, ${field}: String(item.${field}).trim(), updatedAt: new Date().toISOString() };
    result.push(normalized);
  }
  if (result.length === 0) {
    throw new NotFoundError(\`no ${noun} for \${input.id}\`);
  }
  logger.debug('${verb} ${noun}', { count: result.length, id: input.id });
  return result.reduce((acc, next) => (acc.version > next.version ? acc : next));
}
`;
}

function jsPlainFunction(pick: Pick, i: number): string {
  const noun = pick(NOUNS);
  const verb = pick(VERBS);
  const field = pick(FIELDS);
  return `
async function ${camel(verb, noun)}${i}(input, options = {}) {
  const items = await repository.find${cap(noun)}s({ ${field}: input.${field}, page: options.page || 1 });
  const result = [];
  for (const item of items) {
    if (item.status === 'archived' || item.${field} === undefined) continue;
    result.push(Object.assign({}, item, { ${field}: String(item.${field}).trim() }));
  }
  logger.debug('${verb} ${noun}', { count: result.length, id: input.id });
  return result;
}
`;
}

function javaPlainMethod(pick: Pick, i: number): string {
  const noun = pick(NOUNS);
  const verb = pick(VERBS);
  const field = pick(FIELDS);
  return `
    public ${cap(noun)}Dto ${camel(verb, noun)}${i}(String id, Map<String, String> params) {
        ${cap(noun)} entity = repository.findById(id).orElseThrow(() -> new EntityNotFoundException("${noun} " + id));
        List<${cap(noun)}Line> lines = new ArrayList<>();
        for (${cap(noun)}Line line : entity.getLines()) {
            if (line.get${cap(field)}() == null || "archived".equals(line.getStatus())) {
                continue;
            }
            lines.add(mapper.copy(line));
        }
        entity.setLines(lines);
        log.debug("${verb} {} {} lines", id, lines.size());
        return mapper.toDto(repository.save(entity));
    }
`;
}

function csPlainMethod(pick: Pick, i: number): string {
  const noun = pick(NOUNS);
  const verb = pick(VERBS);
  const field = pick(FIELDS);
  return `
    public async Task<${cap(noun)}Dto> ${cap(verb)}${cap(noun)}${i}Async(string id, CancellationToken cancellationToken = default)
    {
        var entity = await _db.${cap(noun)}s.Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (entity is null)
        {
            throw new KeyNotFoundException($"${noun} {id}");
        }
        var lines = entity.Lines.Where(l => l.Status != "archived" && l.${cap(field)} != null).ToList();
        entity.Lines = lines;
        _logger.LogDebug("${verb} {Id} {Count}", id, lines.Count);
        await _db.SaveChangesAsync(cancellationToken);
        return _mapper.Map<${cap(noun)}Dto>(entity);
    }
`;
}

function pyPlainFunction(pick: Pick, i: number): string {
  const noun = pick(NOUNS);
  const verb = pick(VERBS);
  const field = pick(FIELDS);
  return `

def ${verb}_${noun}_${i}(session, ${noun}_id, page=1, page_size=50):
    rows = session.query(${cap(noun)}).filter(${cap(noun)}.id == ${noun}_id).offset((page - 1) * page_size).all()
    result = []
    for row in rows:
        if row.status == "archived" or row.${field} is None:
            continue
        result.append({"id": row.id, "${field}": str(row.${field}).strip(), "updated_at": datetime.utcnow().isoformat()})
    if not result:
        raise LookupError(f"no ${noun} for {${noun}_id}")
    logger.debug("${verb} %s: %d rows", ${noun}_id, len(result))
    return sorted(result, key=lambda r: r["id"])
`;
}

const TS: Generator = {
  ext: 'ts',
  dir: 'web',
  plain(_name, pick, n) {
    let out = `import { repository } from '../db';\nimport { logger } from '../logging';\nimport { NotFoundError } from '../errors';\n`;
    for (let i = 0; i < n; i++) out += tsPlainFunction(pick, i);
    return out;
  },
  ehi(_name, pick, n, flagged) {
    let out = `import express from 'express';\nimport rateLimit from 'express-rate-limit';\nimport { fhirStore } from '../fhir';\n\nexport const router = express.Router();\nconst limiter = rateLimit({ windowMs: 60_000, max: 100 });\n`;
    out += `router.post('/auth/login', limiter, (req, res) => res.json(login(req.body)));\n`;
    out += flagged
      ? `router.get('/fhir/Patient/:id', limiter, async (req, res) => res.json(await fhirStore.read('Patient', req.params.id)));\n`
      : `router.get('/fhir/Patient/:id', async (req, res) => res.json(await fhirStore.read('Patient', req.params.id)));\n`;
    out += `router.get('/fhir/Observation', async (req, res) => {\n  const bundle = await fhirStore.search('Observation', req.query);\n`;
    out += flagged ? `  bundle.entry = bundle.entry.filter((e) => e.resource.resourceType !== 'DocumentReference');\n` : `  bundle.entry = bundle.entry.filter((e) => e.resource.resourceType !== 'OperationOutcome');\n`;
    out += `  res.json(bundle);\n});\n`;
    for (let i = 0; i < n; i++) out += tsPlainFunction(pick, i);
    return out;
  },
};

const JS: Generator = {
  ext: 'js',
  dir: 'jobs',
  plain(_name, pick, n) {
    let out = `const { repository } = require('../db');\nconst { logger } = require('../logging');\n`;
    for (let i = 0; i < n; i++) out += jsPlainFunction(pick, i);
    return out;
  },
  ehi(_name, pick, n, flagged) {
    let out = `const { sendFax, sendDirect } = require('./transports');\n\n`;
    out += flagged ? `const RELEASE_CHANNELS = ['fax', 'mail'];\n` : `const RELEASE_CHANNELS = ['direct', 'fhir', 'fax'];\n`;
    out += `\nasync function deliver(job) {\n  if (!job.recipient.directAddress) return sendFax(job.fax, job.document);\n  return sendDirect(job.recipient.directAddress, job.document);\n}\n`;
    return out + JS.plain('', pick, n) + `\nmodule.exports = { deliver, RELEASE_CHANNELS };\n`;
  },
};

const JAVA: Generator = {
  ext: 'java',
  dir: 'src/main/java/org/example/ehr',
  plain(name, pick, n) {
    let out = `package org.example.ehr;\n\nimport java.util.*;\nimport org.springframework.stereotype.Service;\n\n@Service\npublic class ${name} {\n    private final ${name}Repository repository;\n    private final ${name}Mapper mapper;\n`;
    for (let i = 0; i < n; i++) out += javaPlainMethod(pick, i);
    return out + '}\n';
  },
  ehi(name, pick, n, flagged) {
    let out = `package org.example.ehr;\n\nimport java.util.*;\nimport org.springframework.http.ResponseEntity;\nimport org.springframework.web.bind.annotation.*;\n\n@RestController\n@RequestMapping("/fhir/r4")\npublic class ${name} {\n    private final PatientService patients;\n`;
    out += `\n    @GetMapping("/Patient/{id}")\n    public ResponseEntity<String> read(@PathVariable String id) throws InterruptedException {\n`;
    if (flagged) out += `        Thread.sleep(2000);\n`;
    out += `        return ResponseEntity.ok(patients.read(id));\n    }\n`;
    for (let i = 0; i < n; i++) out += javaPlainMethod(pick, i);
    return out + '}\n';
  },
};

const CS: Generator = {
  ext: 'cs',
  dir: 'Services',
  plain(name, pick, n) {
    let out = `using Microsoft.EntityFrameworkCore;\nusing Microsoft.Extensions.Logging;\n\nnamespace Example.Ehr;\n\npublic class ${name}\n{\n    private readonly AppDbContext _db;\n    private readonly ILogger<${name}> _logger;\n`;
    for (let i = 0; i < n; i++) out += csPlainMethod(pick, i);
    return out + '}\n';
  },
  ehi(name, pick, n, flagged) {
    let out = `using Microsoft.AspNetCore.Mvc;\nusing Microsoft.AspNetCore.RateLimiting;\n\nnamespace Example.Ehr;\n\n[ApiController]\n[Route("fhir/Patient")]\npublic class ${name} : ControllerBase\n{\n`;
    out += flagged ? `    [EnableRateLimiting("fixed")]\n` : '';
    out += `    [HttpGet("{id}")]\n    public async Task<IActionResult> Read(string id) => Ok(await _store.ReadAsync(id));\n`;
    for (let i = 0; i < n; i++) out += csPlainMethod(pick, i);
    return out + '}\n';
  },
};

const PY: Generator = {
  ext: 'py',
  dir: 'app',
  plain(_name, pick, n) {
    let out = `import logging\nfrom datetime import datetime\n\nfrom .models import *\n\nlogger = logging.getLogger(__name__)\n`;
    for (let i = 0; i < n; i++) out += pyPlainFunction(pick, i);
    return out;
  },
  ehi(_name, pick, n, flagged) {
    let out = `import time\n\nfrom flask import Blueprint, jsonify\n\nbp = Blueprint("fhir", __name__, url_prefix="/fhir")\n\n\n@bp.get("/Observation")\ndef search_observations():\n`;
    if (flagged) out += `    time.sleep(2)\n`;
    out += `    return jsonify(store.search("Observation"))\n`;
    for (let i = 0; i < n; i++) out += pyPlainFunction(pick, i);
    return out;
  },
};

function yamlConfig( pick: Pick, n: number, ehi: boolean, flagged: boolean): string {
  let out = `server:\n  port: 8080\nlogging:\n  level:\n    root: INFO\n`;
  for (let i = 0; i < n * 4; i++) out += `${pick(NOUNS)}_${i}:\n  enabled: true\n  batch_size: ${10 + i}\n  endpoint: http://internal-${pick(NOUNS)}:8080/api/${pick(NOUNS)}\n`;
  if (ehi) out += `hapi:\n  fhir:\n    fhir_version: R4\n${flagged ? '    supported_resource_types: [Patient, Observation]\n' : '    supported_resource_types: []\n'}`;
  return out;
}

function jsonConfig( pick: Pick, n: number, ehi: boolean, flagged: boolean): string {
  const body: Record<string, unknown> = { Logging: { LogLevel: { Default: 'Information' } } };
  for (let i = 0; i < n * 3; i++) body[`${cap(pick(NOUNS))}${i}`] = { Enabled: true, BatchSize: 10 + i, Endpoint: `http://internal/${pick(NOUNS)}` };
  if (ehi) body.releaseOfInformation = { deliveryMethods: flagged ? ['fax', 'mail'] : ['direct', 'fhir', 'fax'], turnaroundDays: 10 };
  return JSON.stringify(body, null, 2) + '\n';
}

const SHARES: [Generator | 'yaml' | 'json', number][] = [
  [TS, 0.25],
  [JS, 0.1],
  [JAVA, 0.22],
  [CS, 0.18],
  [PY, 0.15],
  ['yaml', 0.05],
  ['json', 0.05],
];

/** Fraction of files on an EHI access path, and of those, the fraction with a flagged practice. */
const EHI_SHARE = 0.12;
const FLAGGED_SHARE = 0.5;

export async function generateCorpus(dir: string, targetLines: number, seed = 20261124): Promise<{ files: number; lines: number }> {
  const random = prng(seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)];
  fs.rmSync(dir, { recursive: true, force: true });
  let lines = 0;
  let files = 0;
  while (lines < targetLines) {
    let r = random();
    let kind: Generator | 'yaml' | 'json' = TS;
    for (const [k, share] of SHARES) {
      if (r < share) {
        kind = k;
        break;
      }
      r -= share;
    }
    const ehi = random() < EHI_SHARE;
    const flagged = ehi && random() < FLAGGED_SHARE;
    const n = 3 + Math.floor(random() * 8);
    const base = `${cap(pick(NOUNS))}${cap(pick(VERBS))}${files}`;
    let text: string;
    let file: string;
    if (kind === 'yaml') {
      text = yamlConfig(pick, n, ehi, flagged);
      file = path.join(dir, 'config', `${base.toLowerCase()}.yaml`);
    } else if (kind === 'json') {
      text = jsonConfig(pick, n, ehi, flagged);
      file = path.join(dir, 'config', `${base.toLowerCase()}.json`);
    } else {
      text = ehi ? kind.ehi(base, pick, n, flagged) : kind.plain(base, pick, n);
      file = path.join(dir, kind.dir, `${kind.ext === 'py' ? base.toLowerCase() : base}.${kind.ext}`);
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    lines += text.split('\n').length - 1;
    files++;
  }
  return { files, lines };
}
