import type { Metadata } from "next";
import { AuthCard } from "@/components/AuthCard";
import { UndoEmailChange } from "@/components/account/UndoEmailChange";
import { firstValue, pageLocale, type LocalePageProps } from "@/lib/http/page-params";

export const metadata: Metadata = { title: "Undo the address change" };

/**
 * Where the old address's "undo the change" link opens (lib/account/email-change.ts). Opening it
 * changes nothing (mail scanners open links): the button does, with a POST.
 */
export default async function Page({ params, searchParams }: LocalePageProps<"token">) {
  const locale = await pageLocale(params);
  const raw = firstValue((await searchParams).token);
  const token = raw && raw.length <= 200 ? raw : null;
  return (
    <AuthCard title="Undo the address change?">
      <p>
        Someone changed the email address of your Tasks account away from yours. Undoing gives the account back your address,
        signs it out on every device, and then you choose a new password.
      </p>
      <UndoEmailChange token={token} locale={locale} />
    </AuthCard>
  );
}
