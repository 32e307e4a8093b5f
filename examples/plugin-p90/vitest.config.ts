import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    name: "plugin-p90",
    include: ["src/**/*.test.ts"],
  },
})
