import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { API_URL_META, apiUrlFromEnv } from "@/lib/http/api-url";
import "./globals.css";
import "./auth.css";
import "./tasks.css";

export const metadata: Metadata = {
  title: { default: "Tasks", template: "%s · Tasks" },
  description: "A simple, fast task list.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#4f46e5",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request, so API_URL is read at run time (one build serves any port).
  await connection();
  return (
    <html lang="en">
      <head>
        <meta name={API_URL_META} content={apiUrlFromEnv()} />
      </head>
      <body>{children}</body>
    </html>
  );
}
