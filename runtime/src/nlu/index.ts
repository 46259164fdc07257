export { trainClassifier, TrainingInputError, DEFAULT_THRESHOLD, type TrainInput, type IntentExamples } from './train';
export { predict, type Prediction, type PredictOptions } from './predict';
export type { TrainedModel } from './model';
export { nluWords, nluStems, textFeatures, charNgrams, type TextFeatures } from './normalize';
export { stemEnglish, stemPolish, stemmerFor } from './stem';
export { closeIntents, type CloseIntents } from './modelCheck';
export { buildFlowModels, trainForFlow, modelForNode, flowModel, modelKeys, trainingInput, GLOBAL_MODEL_KEY, FLOW_MODEL_SEED, NODE_MIN_THRESHOLD, GLOBAL_MIN_THRESHOLD } from './flowModels';
export { phraseClashes, type PhraseClash } from './phraseClashes';
export { trainedModelSchema, flowModelsSchema, parseFlowModels } from './modelSchema';
