export { trainClassifier, TrainingInputError, DEFAULT_THRESHOLD, type TrainInput, type IntentExamples } from './train';
export { predict, type Prediction, type PredictOptions } from './predict';
export type { TrainedModel } from './model';
export { nluWords, nluStems, textFeatures, charNgrams, type TextFeatures } from './normalize';
export { stemEnglish, stemPolish, stemmerFor } from './stem';
