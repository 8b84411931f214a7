// The settings' public face: the one schema (defaults, bounds, versions, migrations, the repair of whatever storage
// holds, and every change a view can make) and the sites where the reader opens by itself. Storing them is the
// browser adapters' job (utils/browser).
export * from './schema';
export { MAX_AUTO_OPEN_SITES, normalizeHost, shouldAutoOpen } from './sites';
export { SETTINGS_ON_SCREEN, type ScreenRow } from './screen';
export {
  SETTINGS_KEY,
  WRITE_PACING,
  type WritePacing,
  createSettingsStore,
  type SettingsArea,
  type SettingsProblem,
  type SettingsStore,
} from './store';
