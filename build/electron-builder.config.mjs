// electron-builder configuration: Windows NSIS, macOS dmg, Linux AppImage and deb.
// Build on a normal machine (the Electron binary must be downloadable): see docs/PACKAGING.md.
//   npm run dist            installers for the platform you are on, in release/
// tests/unit/packaging.test.ts validates this object against electron-builder's own schema.

/**
 * Electron fuses, flipped in the packaged binary before it is signed (electron-builder's
 * `electronFuses` uses @electron/fuses). scripts/verify-fuses.mjs reads them back from a build.
 */
export const FUSES = {
  // SECURITY: ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node runtime.
  runAsNode: false,
  // SECURITY: NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
  enableNodeOptionsEnvironmentVariable: false,
  // SECURITY: --inspect / SIGUSR1 would attach a debugger to the process holding the vault key.
  enableNodeCliInspectArguments: false,
  // SECURITY: app.asar is checked against the hash embedded at build time (macOS, Windows).
  enableEmbeddedAsarIntegrityValidation: true,
  // SECURITY: only the app in app.asar is loaded, never a folder dropped beside it.
  onlyLoadAppFromAsar: true,
  // SECURITY: the session is in memory, but any cookie that did reach the disk is OS-encrypted.
  enableCookieEncryption: true,
  // SECURITY: file:// gets no privileges beyond a browser's (the app never uses file://).
  grantFileProtocolExtraPrivileges: false,
  loadBrowserProcessSpecificV8Snapshot: false,
};

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'no.bro.desktop',
  productName: 'Bro',
  copyright: 'Bro',
  directories: { output: 'release', buildResources: 'build' },
  // The main process and preload are esbuild bundles and the renderer a vite build: the app ships
  // no node_modules at all (nothing to rebuild, nothing unaudited that is not in a bundle).
  files: [
    'package.json',
    'out/main/**/*',
    'out/preload/**/*',
    'dist/renderer/**/*',
    '!**/*.map',
    '!node_modules/**/*',
  ],
  // SECURITY: the app is one asar archive, so the fuses above can check its integrity.
  asar: true,
  npmRebuild: false,
  electronLanguages: ['nb', 'en-US'],
  electronFuses: FUSES,
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // The vaults live where the user put them; uninstalling never deletes them or the settings.
    deleteAppDataOnUninstall: false,
    artifactName: '${productName}-${version}-setup-${arch}.${ext}',
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.productivity',
    // SECURITY: the hardened runtime is required for notarization and blocks code injection.
    hardenedRuntime: true,
  },
  dmg: {
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'Office',
    maintainer: 'Bro',
    synopsis: 'Krypterte saksmapper for PPT, BUP og Skoleteam',
  },
  deb: {
    // safeStorage needs a keyring on Linux ("husk på denne maskinen" is refused without one).
    recommends: ['libsecret-1-0', 'gnome-keyring'],
  },
};

export default config;
