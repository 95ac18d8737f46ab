import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

// reportError surfaces the failure like an uncaught error (console and error listeners).
bootstrapApplication(App, appConfig).catch((error: unknown) => reportError(error));
