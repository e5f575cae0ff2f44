/**
 * The emit helper (emit/helper.ts): the pieces a worker thread makes of whole versions are the
 * pieces this thread would make, keys included, and a worker that dies or never starts only costs
 * time: what it did not finish is made here.
 */
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startEmitHelper, type MadePiece } from "../../generator/emit/helper.js";
import { versionPieces, type OutputOptions } from "../../generator/emit/index.js";
import { workerStart } from "../../generator/paths.js";
import { services86, services88 } from "../fixtures/models.js";

const models = [services86(), services88()];
const options: OutputOptions = { docs: true };
// From the sources the worker loads tsx first, which the helper never waits for in a run: forced here.
const fromSources = { ...workerStart("emit/worker", undefined), bootsCheaply: true };

async function everyPiece(start = fromSources): Promise<{ versions: string[]; pieces: MadePiece[] }> {
  const helper = startEmitHelper(models, options, true, start);
  if (!helper) throw new Error("the helper did not start");
  const pieces = [...helper.arrived()];
  for await (const piece of helper.rest()) pieces.push(piece);
  return { versions: [...helper.versions], pieces };
}

function madeHere(versions: readonly string[]): MadePiece[] {
  return models.filter((model) => versions.includes(model.version)).flatMap((model) => versionPieces(model, options).map((piece) => ({ key: piece.key?.(), files: piece.make() })));
}

describe("emit helper", () => {
  it("makes in a worker thread the pieces of its versions that this thread would make", async () => {
    const { versions, pieces } = await everyPiece();
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.length).toBeLessThan(models.length);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces).toEqual(madeHere(versions));
  });

  it("makes the versions here when the worker dies", async () => {
    const dying = path.join(mkdtempSync(path.join(tmpdir(), "emit-helper-")), "dying.mjs");
    writeFileSync(dying, `throw new Error("worker lost");\n`);
    const { versions, pieces } = await everyPiece({ file: dying, bootsCheaply: true });
    expect(pieces).toEqual(madeHere(versions));
  });

  it("does not start for one version, nor where the worker would load tsx first", () => {
    expect(startEmitHelper([services88()], options, false, fromSources)).toBeUndefined();
    expect(startEmitHelper(models, options, false, workerStart("emit/worker", undefined))).toBeUndefined();
  });
});
