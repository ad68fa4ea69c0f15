/**
 * The EICAR anti-virus test file (https://www.eicar.org/download-anti-malware-testfile/):
 * harmless, and detected by every scanner — here by the test signature database clamd is
 * started with. Kept as hex so the repository itself holds no file a scanner would flag.
 */
export const EICAR = Buffer.from(
  '58354f2150254041505b345c505a58353428505e2937434329377d2445494341522d5354414e444152442d414e544956495255532d544553542d46494c452124482b482a',
  'hex'
).toString('latin1')
