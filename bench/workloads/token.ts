/**
 * A bearer token for the bench server: HS256 over { sub, role, unit }, signed with the secret the
 * server is started with (harmless where the service does not check tokens yet). jose is ESM-only,
 * so it is loaded with a dynamic import.
 */
export async function mintBenchToken(secret: string): Promise<string> {
  const jose = await import('jose');
  return new jose.SignJWT({ role: 'PROVINCIAL_OFFICER', unit: '06' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('bench-officer')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secret));
}
