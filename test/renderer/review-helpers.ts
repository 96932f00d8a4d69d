import { configureServices, resetServices } from '../../renderer/src/services';
import { resetProfile } from '../../renderer/src/state/profile-store';
import { resetReviewList } from '../../renderer/src/state/review-list-store';
import { resetReview } from '../../renderer/src/state/review-store';
import { resetScoring } from '../../renderer/src/state/scoring-store';
import { useStatusStore } from '../../renderer/src/state/status-store';
import { FakeReviewApi } from './fake-review-api';

/** A fresh review/scoring fake wired into the stores, with every review store emptied. */
export function freshReviewFake(): FakeReviewApi {
  const fake = new FakeReviewApi();
  resetServices();
  configureServices({ api: fake.client, pickFile: async () => null, saveFile: async (name) => name });
  resetReviewList();
  resetReview();
  resetScoring();
  resetProfile();
  useStatusStore.getState().clear();
  return fake;
}

export const statusText = () => document.getElementById('app-status')!.textContent;
