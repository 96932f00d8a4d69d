import { AppFooter } from './frame/AppFooter';
import { AppHeader } from './frame/AppHeader';
import { MainNav } from './frame/MainNav';
import { NotFoundScreen } from './frame/NotFoundScreen';
import type { Route } from './routing/routes';
import { useRoute } from './routing/useRoute';
import { TemplateEditorScreen } from './screens/templates/editor/TemplateEditorScreen';
import { TemplateListScreen } from './screens/templates/list/TemplateListScreen';
import { TemplatePreviewScreen } from './screens/templates/preview/TemplatePreviewScreen';
import { ReviewListScreen } from './screens/reviews/list/ReviewListScreen';
import { ReviewScreen } from './screens/reviews/review/ReviewScreen';
import { ScoringScreen } from './screens/scoring/ScoringScreen';
import { ResultsScreen } from './screens/results/ResultsScreen';
import { ReportScreen } from './screens/report/ReportScreen';
import { FindingsScreen } from './screens/findings/FindingsScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { FirstStartGate } from './frame/FirstStartGate';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'templates':
      return <TemplateListScreen />;
    case 'template':
      return <TemplateEditorScreen key={route.id} id={route.id} />;
    case 'preview':
      return <TemplatePreviewScreen key={route.id} id={route.id} />;
    case 'reviews':
      return <ReviewListScreen />;
    case 'review':
      return <ReviewScreen key={route.id} id={route.id} />;
    case 'scoring':
      return <ScoringScreen key={`${route.reviewId}/${route.caseId}`} reviewId={route.reviewId} caseId={route.caseId} />;
    case 'results':
      return <ResultsScreen key={route.reviewId} reviewId={route.reviewId} />;
    case 'report':
      return <ReportScreen key={route.reviewId} reviewId={route.reviewId} />;
    case 'findings':
      return <FindingsScreen key={route.reviewId} reviewId={route.reviewId} />;
    case 'settings':
      return <SettingsScreen />;
    case 'notFound':
      return <NotFoundScreen />;
  }
}

/** The application frame: header with the status line, navigation, and one screen per hash route; on first start, the profile prompt. */
export function App() {
  const route = useRoute();
  return (
    <div className="app">
      <AppHeader />
      <FirstStartGate>
        <div className="app-body">
          <MainNav route={route} />
          <main id="main" className="app-main" tabIndex={-1}>
            <Screen route={route} />
          </main>
        </div>
      </FirstStartGate>
      <AppFooter />
    </div>
  );
}
