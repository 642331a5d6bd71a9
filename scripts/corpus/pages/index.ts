// Every page of the corpus, tuning half first. The split is by library: the tuning half is drawn
// with MUI, AG Grid and Bootstrap, the check half with Ant Design, Angular Material/CDK and
// TanStack Table; each half has tables, grids that are not tables, cards, and the special layouts.
import { aggridPages } from './aggrid';
import { angularPages } from './angular';
import { antdPages } from './antd';
import { bootstrapPages } from './bootstrap';
import { muiPages } from './mui';
import { tanstackPages } from './tanstack';
import type { CorpusPage } from '../types';

export const pages: CorpusPage[] = [...muiPages, ...aggridPages, ...bootstrapPages, ...antdPages, ...angularPages, ...tanstackPages];
