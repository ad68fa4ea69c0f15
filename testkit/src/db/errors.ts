/** Something the machine lacks or refuses while setting up the embedded database; the message says what to do. */
export class DatabaseSetupError extends Error {}
