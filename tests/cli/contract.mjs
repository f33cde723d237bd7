// Checks the JSON contract of `award eval --format json` on standard input:
// the fields other tools rely on, with their types. Exit 1 on any breach.
import { readFileSync } from "node:fs";

const doc = JSON.parse(readFileSync(0, "utf8"));
const problems = [];
const need = (cond, what) => { if (!cond) problems.push(what); };
const isStr = (x) => typeof x === "string";

need(isStr(doc.policy) && doc.policy.length > 0, "policy is a non-empty string");
need(/^\d{4}-\d{2}-\d{2}$/.test(doc.on), "on is YYYY-MM-DD");
need(Array.isArray(doc.results), "results is an array");
for (const [i, r] of (doc.results ?? []).entries()) {
  const at = `results[${i}]`;
  need(r.applicant === null || isStr(r.applicant), `${at}.applicant is a string or null`);
  need(isStr(r.award), `${at}.award is a string`);
  need(["eligible", "ineligible", "undetermined"].includes(r.verdict), `${at}.verdict is one of the three`);
  need(Array.isArray(r.reasons) && r.reasons.length > 0, `${at}.reasons is a non-empty array`);
  for (const [j, x] of (r.reasons ?? []).entries()) {
    need(isStr(x.ref) && x.ref.length > 0, `${at}.reasons[${j}].ref is a string`);
    need(x.holds === true || x.holds === false || x.holds === null, `${at}.reasons[${j}].holds is true, false or null`);
    need(isStr(x.text), `${at}.reasons[${j}].text is a string`);
    need(x.facts && typeof x.facts === "object" && !Array.isArray(x.facts), `${at}.reasons[${j}].facts is an object`);
  }
  need(Array.isArray(r.missing) && r.missing.every(isStr), `${at}.missing is an array of strings`);
  need(Array.isArray(r.judgements) && r.judgements.every(isStr), `${at}.judgements is an array of strings`);
  // the verdict agrees with the reasons
  const held = (r.reasons ?? []).map((x) => x.holds);
  const expected = held.includes(false) ? "ineligible" : held.includes(null) ? "undetermined" : "eligible";
  need(r.verdict === expected, `${at}.verdict ${r.verdict} agrees with its reasons (${expected})`);
  if (r.verdict === "undetermined") need(r.missing.length + r.judgements.length > 0, `${at} says what it waits on`);
}
for (const p of problems.slice(0, 20)) console.error("contract: " + p);
console.log(`contract: ${doc.results?.length ?? 0} results checked, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
