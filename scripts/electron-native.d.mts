export const ELECTRON_BUILD_DIR: string;
export const ELECTRON_BUILD: string;
export function electronBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
