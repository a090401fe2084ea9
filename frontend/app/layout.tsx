import type { Metadata, Viewport } from "next";
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

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
