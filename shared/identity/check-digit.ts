/**
 * The check digit of a Swedish personal or coordination number: a Luhn (mod 10) sum over the nine
 * digits YYMMDDNNN. Skatteverket computes it over the ten-digit form only, so the century of a
 * twelve-digit number never takes part.
 */
export function identityCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    // Weights alternate 2,1,2,1,… from the left; a two-digit product (10..18) adds its digit sum, i.e. product − 9.
    const product = (nineDigits.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last of ten digits is the check digit of the first nine. */
export function hasValidCheckDigit(tenDigits: string): boolean {
  return identityCheckDigit(tenDigits.slice(0, 9)) === tenDigits.charCodeAt(9) - 48;
}
