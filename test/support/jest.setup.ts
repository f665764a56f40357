// Apps under test log through pino; keep test output readable unless a run asks for logs.
process.env.LOG_LEVEL ??= 'silent';
