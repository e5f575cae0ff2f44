/**
 * Discovery lends a share of its reading to another thread (the parse worker a cold run has
 * booted): whatever examines which file, and where the other thread fails, the discovery is the
 * same, files and notes in listing order, and it never waits for a thread that does not answer.
 */
import { describe, expect, it } from "vitest";
import { discoverInputs, examineFile, type Examiner } from "../../generator/discover/index.js";
import { examinerOnWorker, parseFiles, startParseWorkers } from "../../generator/parse/pool.js";
import path from "node:path";
import { corpusRoot, hasCorpus, restUserDir, services86Dir } from "../corpus.js";

/** Some hundreds of files, so discovery lends some: SOAP pages (some with WSDL), REST agent pages. */
const roots = [services86Dir, restUserDir, path.join(corpusRoot, "superoffice-docs-2023/docs/en/api/reference/restful/agent/Appointment_Agent")];

describe.runIf(hasCorpus)("discovery with an examiner", () => {
  it("finds what it finds alone, with hashes where it has memory, also where the examiner fails", async () => {
    const alone = await discoverInputs(roots);
    const remembering = await discoverInputs(roots, new Map());
    expect(alone.files.length).toBeGreaterThan(200);
    expect([...remembering.notes.values()].every((note) => typeof note.hash === "string")).toBe(true);
    const calls: number[] = [];
    const inThread: Examiner = async (files, hashing) => {
      calls.push(files.length);
      return files.map((file) => examineFile(file, hashing));
    };
    let failNext = false;
    const failingEveryOther: Examiner = async (files, hashing) => {
      failNext = !failNext;
      if (failNext) throw new Error("lost");
      return files.map((file) => examineFile(file, hashing));
    };
    expect(await discoverInputs(roots, undefined, undefined, inThread)).toEqual(alone);
    expect(calls.length).toBeGreaterThan(1);
    expect(await discoverInputs(roots, undefined, undefined, failingEveryOther)).toEqual(alone);
    const throwing: Examiner = () => {
      throw new Error("cannot post");
    };
    expect(await discoverInputs(roots, undefined, undefined, throwing)).toEqual(alone);
    // A worker that never answers (still booting): what it was lent is examined here.
    expect(await discoverInputs(roots, undefined, undefined, () => new Promise(() => undefined))).toEqual(alone);
    expect(await discoverInputs(roots, new Map(), undefined, inThread)).toEqual(remembering);
  });

  it("lends to the parse worker started ahead, which then parses as before", async () => {
    const alone = await discoverInputs(roots);
    startParseWorkers(2);
    const examiner = examinerOnWorker();
    if (!examiner) throw new Error("no examiner on the started worker");
    // Answered once the worker has booted (through tsx here, seconds): until then this thread takes back what it lent.
    expect(await examiner([services86Dir], false)).toHaveLength(1);
    let lentFiles = 0;
    const lent = await discoverInputs(roots, undefined, undefined, async (files, hashing) => {
      const examined = await examiner(files, hashing);
      lentFiles += examined.length;
      return examined;
    });
    expect(lent).toEqual(alone);
    expect(lentFiles).toBeGreaterThan(0);
    expect(await parseFiles(lent.files.slice(0, 60), { threads: 2 })).toHaveLength(60);
  });

  it("gives each of two discoveries sharing the worker its own answers", async () => {
    const others = [path.join(corpusRoot, "superoffice-docs-2023/docs/en/api/reference/restful/agent/List_Agent")];
    const [alone, othersAlone] = [await discoverInputs(roots), await discoverInputs(others)];
    startParseWorkers(2);
    const first = examinerOnWorker();
    if (!first) throw new Error("no examiner on the started worker");
    expect(await first([services86Dir], false)).toHaveLength(1);
    // Two runs of one process (generate() called twice at once) share the started worker.
    const [one, two] = await Promise.all([discoverInputs(roots, undefined, undefined, first), discoverInputs(others, undefined, undefined, examinerOnWorker())]);
    expect(one).toEqual(alone);
    expect(two).toEqual(othersAlone);
    await parseFiles([]);
  });

  it("has no examiner where no worker was started", () => {
    expect(examinerOnWorker()).toBeUndefined();
  });
});
