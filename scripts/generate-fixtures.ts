// `npm run fixtures`: regenerate the committed patient world and seed accounts under fixtures/.
import { paths } from '../server/paths.js';
import { writeFixtures } from '../server/world/build-fixtures.js';

const count = await writeFixtures();
console.log(`wrote ${count} fixture files to ${paths.fixtures}`);
