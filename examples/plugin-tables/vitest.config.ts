import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    name: "plugin-tables",
    include: ["src/**/*.test.ts"],
  },
})
