/** Where the command writes: the result to standard output, progress and problems to standard error. */
export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stderrIsTty: boolean;
  columns: number;
}
