'use strict';

// A mistake in how the command was called; printed with a pointer to --help, exit code 2.
class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}

module.exports = { UsageError };
