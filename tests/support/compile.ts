/** Type-checks a generated output folder with the CONTRACTS §2 options, through ts-morph. */
import { Project, ts } from "ts-morph";

export function compileStrict(dir: string): string[] {
  const project = new Project({
    compilerOptions: {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
    },
  });
  project.addSourceFilesAtPaths(`${dir}/**/*.ts`);
  return project.getPreEmitDiagnostics().map((diagnostic) => {
    const file = diagnostic.getSourceFile();
    const where = file ? `${file.getFilePath()}:${diagnostic.getLineNumber() ?? 0}` : "";
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.getMessageText() as string | ts.DiagnosticMessageChain, "\n")}`;
  });
}
