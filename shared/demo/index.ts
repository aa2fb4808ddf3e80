export { DEADLINE_FIELDS, DEMO_SOURCE, generateDemo, type DemoOptions } from './generate';
