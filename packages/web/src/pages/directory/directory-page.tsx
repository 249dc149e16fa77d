/**
 * "Is it really them?": search the official directory (numbers, websites, apps, what they never do) and
 * check a caller's number or e-mail against the institution they claim to be.
 */
import { ContactChannelSchema, type DirectoryEntry, type DirectorySearchResponse } from "@scamguard/contracts";
import { type FormEvent, useEffect, useState } from "react";
import { api, query } from "../../api/client.js";
import { Tel } from "../../components/risk.js";
import { useI18n } from "../../i18n/i18n.js";
import type { MessageKey } from "../../i18n/messages.js";
import { VerifyForm } from "./verify-form.js";

export function DirectoryPage() {
  const { t } = useI18n();
  const [q, setQ] = useState("");
  const [items, setItems] = useState<DirectoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const search = async (text: string) => {
    try {
      setItems((await api<DirectorySearchResponse>(`/v1/directory${query({ q: text.trim() })}`)).items);
      setError(null);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: list every institution once, on open
  useEffect(() => {
    void search("");
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(q);
  };

  return (
    <div className="page directory">
      <h1>{t("directory.title")}</h1>
      <p className="intro">{t("directory.intro")}</p>
      <VerifyForm channels={ContactChannelSchema.options} />
      <search>
        <form onSubmit={submit} className="search">
          <label htmlFor="directory-q">{t("directory.search")}</label>
          <div className="row">
            <input id="directory-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
            <button type="submit" className="primary">
              {t("directory.searchButton")}
            </button>
          </div>
        </form>
      </search>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {items && items.length === 0 && <p>{t("directory.none")}</p>}
      {items && items.length > 0 && (
        <ul className="entries" data-testid="directory-results">
          {items.map((entry) => (
            <DirectoryCard key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
    </div>
  );
}

function DirectoryCard({ entry }: { entry: DirectoryEntry }) {
  const { t, name } = useI18n();
  return (
    <li className="entry">
      <h2>{name(entry.name)}</h2>
      {entry.numbers.length > 0 && (
        <p>
          {t("directory.numbers")}
          {t("punct.colon")}
          {entry.numbers.map((number) => (
            <span key={number}>
              <Tel number={number} />{" "}
            </span>
          ))}
        </p>
      )}
      {entry.domains.length > 0 && (
        <p>
          {t("directory.domains")}
          {t("punct.colon")}
          {entry.domains.join(t("punct.list"))}
        </p>
      )}
      {entry.apps.length > 0 && (
        <p>
          {t("directory.apps")}
          {t("punct.colon")}
          {entry.apps.join(t("punct.list"))}
        </p>
      )}
      {entry.policy.length > 0 && (
        <p>
          {t("directory.never")}
          {t("punct.colon")}
          {entry.policy.map((id) => policyText(t, id)).join(t("punct.clauses"))}
        </p>
      )}
    </li>
  );
}

/** A policy id in words; an id this page does not know yet is shown as it is rather than hidden. */
export function policyText(t: (key: MessageKey) => string, id: string): string {
  const key = `policy.${id}` as MessageKey;
  const text = t(key);
  return text === key ? id : text;
}
