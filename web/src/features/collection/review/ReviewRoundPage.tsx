import { useParams } from 'react-router';
import { RoundProgress } from '../RoundProgressPage.tsx';
import { ReviewersOnly } from './common.tsx';

/** One round's submissions for review: those awaiting review (已提交) first. */
export default function ReviewRoundPage() {
  const { id } = useParams();
  return (
    <ReviewersOnly>
      <RoundProgress roundId={Number(id)} basePath="/review" />
    </ReviewersOnly>
  );
}
