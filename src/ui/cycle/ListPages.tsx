import type { Directory, ListContent } from '../../domain/types';
import { LeaderReviewPage } from '../review/LeaderReviewPage';
import { useDeadlineReading, useFindings } from '../review/useFindings';
import { RoundsPage } from './RoundsPage';

interface Props {
  page: 'review' | 'rounds';
  content: ListContent;
  directory: Directory;
}

/** The pages of one list beside its grid: each leader's review, and the rounds with their 通报. */
export function ListPages({ page, content, directory }: Props) {
  const settings = useDeadlineReading(content.list);
  const findings = useFindings(content, directory, settings, page === 'review');
  return page === 'review' ? (
    <LeaderReviewPage content={content} directory={directory} findings={findings} settings={settings} />
  ) : (
    <RoundsPage content={content} directory={directory} settings={settings} />
  );
}
