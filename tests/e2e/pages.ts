import { expect, type Locator, type Page } from '@playwright/test';

/** Page objects: what a caseworker sees and does, by role and visible text (Norwegian bokmål). */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form field by its visible label (a trailing ` *` marks a required field), inside `scope`. */
export const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${escape(label.replace(/ \*$/, ''))}( \\*)?$`));

/** The field-level message shown for the field labelled `label`. */
export async function expectFieldError(scope: Page | Locator, label: string, message: string | RegExp) {
  const input = field(scope, label);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  const ids = (await input.getAttribute('aria-describedby'))?.split(' ') ?? [];
  const texts = await Promise.all(ids.map((id) => scope.locator(`[id="${id}"]`).innerText()));
  expect(texts.join(' ')).toMatch(message);
}

export class Gate {
  /** `answerDialog`: in the desktop app, what its folder dialog answers next (tests/electron/door.ts). */
  constructor(
    readonly page: Page,
    readonly answerDialog?: (path: string) => Promise<void>,
  ) {}
  async createVault(dir: string, passphrase: string) {
    const p = this.page;
    await p.getByRole('button', { name: 'Opprett saksarkiv' }).click();
    if (this.answerDialog) {
      // The desktop app: the folder is chosen in the system's dialog; the page never types a path.
      await this.answerDialog(dir);
      await p.getByRole('button', { name: 'Velg mappe …' }).click();
      await expect(p.getByText(`Mappe: ${dir}`)).toBeVisible();
    } else await field(p, 'Mappe for arkivet').fill(dir);
    await field(p, 'Navnet ditt').fill('Kari Testbruker');
    await field(p, 'Passordfrase').fill(passphrase);
    await field(p, 'Gjenta passordfrasen').fill(passphrase);
    await p.getByRole('button', { name: 'Opprett arkiv' }).click();
  }
  async unlock(passphrase: string) {
    await field(this.page, 'Passordfrase').fill(passphrase);
    await this.page.getByRole('button', { name: 'Lås opp' }).click();
  }
}

export class CaseList {
  constructor(readonly page: Page) {}
  get heading() {
    return this.page.getByRole('heading', { name: 'Saker', level: 1 });
  }
  get search() {
    return this.page.getByRole('searchbox', { name: 'Søk' });
  }
  get count() {
    return this.page.locator('#case-count');
  }
  rows() {
    return this.page.getByTestId('case-rows').getByRole('row');
  }
  async open(name: string) {
    await this.page.getByRole('link', { name, exact: true }).first().click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
}

export class Folder {
  constructor(readonly page: Page) {}
  async tab(name: string) {
    await this.page.getByRole('tab', { name }).click();
    await expect(this.page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }
  get dialog() {
    return this.page.getByRole('dialog');
  }
  async save() {
    await this.dialog.getByRole('button', { name: 'Lagre' }).click();
  }
  async saved() {
    await expect(this.dialog).toBeHidden();
  }
}

/** «Kontroller brev» (tests/e2e/verify.spec.ts). */
export class VerifyPage {
  constructor(readonly page: Page) {}
  get heading() {
    return this.page.getByRole('heading', { name: 'Kontroller brev', level: 1 });
  }
  /** The verdict's heading: Gyldig, IKKE gyldig, or why the file cannot be checked. */
  get verdict() {
    return this.page.locator('#verify-verdict');
  }
  async choose(file: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Velg PDF …' }).click();
    await (await chooser).setFiles(file);
  }
}

/** Calls an op of the contract as the page does (its session token), expecting it to succeed. */
export async function api<T>(page: Page, op: string, input: unknown): Promise<T> {
  const r = await page.evaluate(
    async ({ op, input }) => {
      const res = await fetch(`./api/${op}`, {
        method: 'POST',
        // The page's session token, from its own storage, as the renderer sends it.
        headers: {
          'Content-Type': 'application/json',
          'X-Bro-Token': sessionStorage.getItem('bro.session')!,
        },
        body: JSON.stringify(input),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
    },
    { op, input },
  );
  expect(r.ok, `${op}: ${JSON.stringify(r.error)}`).toBe(true);
  return r.value as T;
}

/**
 * A date `days` from today on this machine's clock, as ISO and as the forms' dd.mm.åååå. The
 * browser and the host run in the same time zone (playwright.config.ts), so this is the page's
 * «today» too; `toISOString()` would give the UTC date, a day behind Oslo's late in the evening.
 */
export function localDay(days = 0): { iso: string; nb: string } {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return { iso, nb: `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}` };
}
