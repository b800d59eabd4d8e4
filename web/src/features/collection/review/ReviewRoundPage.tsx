import { useParams } from 'react-router';
import { RoundProgress } from '../RoundProgressPage.tsx';
import { ReviewersOnly } from './common.tsx';
import { RoundChecks } from './RoundChecks.tsx';

/** One round's submissions for review: those awaiting review (已提交) first, then the rows that trip a 审核公式. */
export default function ReviewRoundPage() {
  const { id } = useParams();
  return (
    <ReviewersOnly>
      <RoundProgress roundId={Number(id)} basePath="/review" />
      <RoundChecks roundId={Number(id)} />
    </ReviewersOnly>
  );
}
