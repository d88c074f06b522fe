import { describe, expect, it } from "vitest";
import { canonicalJson, type Instance, sha256Hex, sha256HexBest } from "../src/index";
import { actor, makeEngine, selectionDefinition, submittedCase } from "./fixtures";

// Pinned outputs: the audit format, every hash and the stored shapes must not change by a byte
// when the code that builds them is made cheaper. A failure here means a stored chain written
// before the change would no longer verify, or a store would hold other JSON than before.

/** An `acted` event whose submitted form (keys out of order, Chinese text) is also its data change. */
function actedEvent() {
  const form = { name: "杨海燕", birthDate: "1992-05-20", healthy: true, years: 1, note: "愿意到村任职" };
  return {
    actionId: "a2",
    actor: "hr",
    at: "2026-03-02T09:00:00+08:00",
    baseVersion: 1,
    data: { candidate: form, candidateId: "cadre" },
    instanceId: "i1",
    outcome: "submit",
    payload: {
      actor: { id: "hr", unit: "u1", roles: ["unit-hr"] },
      at: "2026-03-02T09:00:00+08:00",
      form,
      outcome: "submit",
      taskId: "i1.t1",
      type: "wf.act",
    },
    prevHash: "1ad16b87e42ba13dc8a0594570b2afc0bb0ec24776026239f20f13545099f8e7",
    seq: 2,
    step: "apply",
    type: "acted",
    unit: "u1",
  };
}

const actedText =
  '{"actionId":"a2","actor":"hr","at":"2026-03-02T09:00:00+08:00","baseVersion":1,' +
  '"data":{"candidate":{"birthDate":"1992-05-20","healthy":true,"name":"杨海燕","note":"愿意到村任职","years":1},' +
  '"candidateId":"cadre"},"instanceId":"i1","outcome":"submit","payload":{"actor":{"id":"hr","roles":["unit-hr"],' +
  '"unit":"u1"},"at":"2026-03-02T09:00:00+08:00","form":{"birthDate":"1992-05-20","healthy":true,"name":"杨海燕",' +
  '"note":"愿意到村任职","years":1},"outcome":"submit","taskId":"i1.t1","type":"wf.act"},' +
  '"prevHash":"1ad16b87e42ba13dc8a0594570b2afc0bb0ec24776026239f20f13545099f8e7","seq":2,"step":"apply",' +
  '"type":"acted","unit":"u1"}';

async function fingerprint(value: unknown): Promise<string> {
  return sha256Hex(JSON.stringify(value));
}

describe("pinned audit text, hashes and stored shapes", () => {
  it("gives a known event its known canonical text and SHA-256", async () => {
    const event = actedEvent();
    expect(canonicalJson(event)).toBe(actedText);
    // The same object twice in one event, and the event again: the text does not depend on either.
    expect(canonicalJson(event)).toBe(actedText);
    expect(canonicalJson({ x: event, y: event })).toBe(`{"x":${actedText},"y":${actedText}}`);
    expect(sha256HexBest(actedText)).toBe(HASH_ACTED);
    expect(await sha256Hex(actedText)).toBe(HASH_ACTED);
  });

  it("stores a known case as the same records, events and hashes", async () => {
    const { engine, store, nextAction } = makeEngine([selectionDefinition()]);
    const views: Instance[] = [];
    let i = await submittedCase({ engine, nextAction });
    views.push(i);
    i = await engine.claim({ taskId: i.tasks[0]!.id, actor: actor("od1"), actionId: nextAction() });
    views.push(i);
    i = await engine.act({
      taskId: i.tasks[0]!.id,
      actor: actor("od1"),
      outcome: "pass",
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    views.push(i);
    const log = await engine.history(i.id);
    expect(log.map((e) => e.hash)).toEqual(CHAIN);
    expect(await fingerprint(log)).toBe(PRINT_LOG);
    expect(await fingerprint(await store.loadInstance(i.id))).toBe(PRINT_INSTANCE);
    expect(await fingerprint(await store.queryTasks({ instanceId: i.id }))).toBe(PRINT_TASKS);
    expect(await fingerprint(views)).toBe(PRINT_VIEWS);
    expect(await fingerprint(await engine.get(i.id))).toBe(PRINT_GET);
  });
});

describe("pinned payloads of acts with and without a form and an opinion", () => {
  it("stores the same events for a return with an opinion, a resubmission and a pass", async () => {
    const { engine, nextAction } = makeEngine([selectionDefinition()]);
    let i = await submittedCase({ engine, nextAction });
    i = await engine.act({
      taskId: i.tasks[0]!.id,
      actor: actor("od1"),
      outcome: "return",
      opinion: "补充材料",
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    i = await engine.act({
      taskId: i.tasks[0]!.id,
      actor: actor("hr"),
      outcome: "submit",
      formData: { age: 41, name: "Li" },
      opinion: "已补充",
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    i = await engine.act({
      taskId: i.tasks[0]!.id,
      actor: actor("od1"),
      outcome: "pass",
      opinion: "同意",
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    const log = await engine.history(i.id);
    expect(log.map((e) => Object.keys(e.payload).join())).toEqual(PAYLOAD_KEYS);
    expect(await fingerprint(log)).toBe(PRINT_RETURN_LOG);
  });
});

const PAYLOAD_KEYS = [
  "instanceId,definitionId,data,starter,at,definitionVersion,definitionHash",
  "actor,at,form,outcome,taskId,type",
  "actor,at,opinion,outcome,taskId,type",
  "actor,at,form,opinion,outcome,taskId,type",
  "actor,at,opinion,outcome,taskId,type",
];
const PRINT_RETURN_LOG = "d210a319488f0eed2e6fd22bdc634d81bcf0196cf3139dddce5dbd83198d4d94";
const HASH_ACTED = "2a46d32458883710c24dc4d21a5a5c19cb1bf11fc3ab7dfab635606d6ba96c3d";
const CHAIN = [
  "457159e901f69180962400d8286d50fe84e8cd2cb072d4249b07810e1dd72708",
  "aae7c40e15ebf3dbec5704818a10ca8b837f32891b34bcef9d2e1354f657faf3",
  "99610e99b7c2f24591de92898b62ee98134c03ac1013d51926afd3ce64c6f706",
  "a94b92f0709aae982afd25d330806994c68a2410de1fd9430ab3129d0969d8e3",
];
const PRINT_LOG = "29eead726b7da931d05298bdb47b3842e101012af20db12b094bcbd9f80306ee";
const PRINT_INSTANCE = "69584b840455c1fdbca45493282cba69a13a20ac50d204f500d2932141f10997";
const PRINT_TASKS = "4d806127b0e1dad6e8367aa4280dd9b3c91fec5ff4afea03aab38dba99d562a9";
const PRINT_VIEWS = "cde1f7171ce350380a6e20e525b0579dbc098fe6a7513170a3392b05f6fdaa65";
const PRINT_GET = "b7cb63e84917dd03a5c4995272fb83e17abfa7af7b73e1f9db68e9be7666dca4";
