// The plans pages' bokmål texts, added to the catalog when a component that shows them loads (../pages.ts).
import { addBokmalPageTexts } from '../pages';
import { plansNb } from './nb';

addBokmalPageTexts(plansNb);
