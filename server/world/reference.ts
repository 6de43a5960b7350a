// The reference "today" of the generated world (data-model.md §5.2). `--today` shifts every date
// relative to it. Kept in its own module so that loading the committed fixtures does not load the
// generator (and faker, the slowest import at start-up).
export const REFERENCE_DATE = '2013-06-01';
