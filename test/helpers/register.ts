/** The exception register that applies to a fixture: an `ehi-exceptions.yaml` in its folder. */
import * as fs from 'fs';
import * as path from 'path';
import type { RegisterFileAccess } from '../../server/src/core/engine';
import { DEFAULT_REGISTER_FILE, parseRegister, RegisterEntry } from '../../server/src/core/annotations/register';

export function loadRegisterFor(file: string): RegisterEntry[] {
  const dir = path.dirname(file);
  const registerPath = path.join(dir, DEFAULT_REGISTER_FILE);
  if (!fs.existsSync(registerPath)) return [];
  const relative = path.basename(file);
  return parseRegister(DEFAULT_REGISTER_FILE, fs.readFileSync(registerPath, 'utf8')).entries.filter((e) => e.file === relative);
}

/** For a fixture that is a register: the files it names are read from its folder. */
export function registerAccessFor(file: string): RegisterFileAccess {
  const dir = path.dirname(file);
  return {
    isRegister: (p) => path.basename(p) === DEFAULT_REGISTER_FILE,
    readTarget: async (name) => {
      try {
        return await fs.promises.readFile(path.join(dir, name), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
