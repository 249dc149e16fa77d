/** Each number, e-mail or link found (or typed), with what scamguard knows about it, in words. */
import { IDENTIFIER_KINDS, type LookupVerdict } from "@scamguard/contracts";
import { institutionById } from "../../components/institutions.js";
import { Tel } from "../../components/risk.js";
import { useI18n } from "../../i18n/i18n.js";
import type { CheckedIdentifier } from "./run-check.js";

const ICONS: Record<LookupVerdict, string> = { scam: "⛔", suspicious: "⚠️", official: "🏛️", unknown: "❔" };

/** `typedOnly`: nothing was pasted, only the identifier field was checked: the heading must not speak of a text. */
export function IdentifierList({ identifiers, typedOnly = false }: { identifiers: CheckedIdentifier[]; typedOnly?: boolean }) {
  const { t, name } = useI18n();
  if (identifiers.length === 0) return null;
  return (
    <div className="identifiers">
      <h3>{t(typedOnly ? "verdict.identifiersTyped" : "verdict.identifiers")}</h3>
      <ul>
        {identifiers.map((item) => {
          const verdict = item.verdict;
          const institution = institutionById(item.institution);
          return (
            <li key={`${item.kind}:${item.value}`} data-testid="identifier" className={verdict ? `rep rep-${verdict}` : "rep"}>
              <span className="kind">{name(IDENTIFIER_KINDS.names[item.kind])}</span> <code>{item.value}</code>{" "}
              {verdict && (
                <strong className="rep-word">
                  <span aria-hidden="true">{ICONS[verdict]}</span> {t(`lookup.${verdict}`)}
                </strong>
              )}
              {item.reporters > 0 && <span className="count"> · {t("verdict.reporters", { n: item.reporters })}</span>}
              {item.private && <p className="small">🔒 {t("lookup.private")}</p>}
              {verdict === "official" && institution && <p className="small">{t("lookup.onlyOfficial", { name: name(institution.name) })}</p>}
              {/* The name a caller gave proves nothing; what helps is the institution's own number. */}
              {item.kind === "display_name" && institution && institution.numbers.length > 0 && (
                <p className="small" data-testid="display-name-call-back">
                  {t("lookup.displayName", { name: name(institution.name) })}{" "}
                  {institution.numbers.map((number) => (
                    <span key={number}>
                      <Tel number={number} />{" "}
                    </span>
                  ))}
                </p>
              )}
              {/* Whoever calls on FaceTime is an Apple ID anyone can open; "no record" must not read as "fine". */}
              {item.kind === "email" && verdict !== "official" && <p className="small">{t("lookup.appleId")}</p>}
              {/* Typed alone there is no verdict above it: a bare "no record" reads as an all-clear (the CLI says the same). */}
              {typedOnly && verdict === "unknown" && item.kind !== "email" && item.kind !== "display_name" && (
                <p className="small" data-testid="unknown-note">
                  {t("lookup.unknownNote")}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
