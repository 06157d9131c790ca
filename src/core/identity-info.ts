// An identity as agents and reports see it: a name and its privilege, never its credentials.

export interface IdentityInfo {
  name: string;
  /** `default` is the identity of `--header`/config credentials. Lower-privileged identities are bfla's attackers. */
  role: 'admin' | 'user' | 'low';
}
