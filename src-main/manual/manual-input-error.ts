/**
 * Input a lead typed (a manual workspace, a reading, a CSV mapping) that cannot be stored, in one
 * sentence; `field` names the input so each surface can point at it (a CLI flag, a form field).
 */
export class ManualInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ManualInputError';
  }
}
