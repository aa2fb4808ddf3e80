export {
  DEADLINE_FIELDS,
  DEMO_SOURCE,
  demoColleagues,
  demoUser,
  generateDemo,
  type DemoOptions,
} from './generate';
