import type { Metadata } from "next";
import { AuthPage, type AuthPageProps } from "@/components/AuthPage";

export const metadata: Metadata = { title: "Sign in" };

export default function Page(props: AuthPageProps) {
  return <AuthPage mode="signin" {...props} />;
}
