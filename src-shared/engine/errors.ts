/** Where in the input a problem is: the record (by id, else array and index) and the field. */
export interface InputLocation {
  record: string;
  field: string;
}

/**
 * Bad input the user can fix: the message names the first bad record and the field, in one
 * sentence, and nothing has been evaluated.
 */
export class EngineInputError extends Error {
  readonly location: InputLocation;

  constructor(message: string, location: InputLocation) {
    super(message);
    this.name = 'EngineInputError';
    this.location = location;
  }
}
