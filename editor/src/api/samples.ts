import { request } from './http';
import type { SampleSummary } from './types';

export const samples = {
  async list(): Promise<SampleSummary[]> {
    const { data } = await request<{ samples: SampleSummary[] }>('GET', '/api/samples');
    return data.samples;
  },
};
